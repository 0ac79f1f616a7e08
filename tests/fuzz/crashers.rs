//! Crashers and long values: writing a crashing input under `target/tmp/fuzz-crashers/`,
//! replaying every file kept in `tests/fuzz-crashers/`, and the tests of messages for
//! 10 MB values, of the seeds (each is accepted) and of ids past the loaded limit.

use crate::paths::{Outcome, Projects, run};
use crate::seeds::seeds;
use crate::{Input, Target};
use spanmark::model::sha256_hex;
use std::path::{Path, PathBuf};

/// Where crashing inputs are written.
fn crasher_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-crashers")
}

/// Writes a crashing input; returns the path of its main file.
pub(crate) fn keep(target: Target, name: &str, input: &Input) -> PathBuf {
    let dir = crasher_dir();
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{}-{name}.{}", target.name(), target.extension()));
    let _ = std::fs::write(&path, &input.bytes);
    if target == Target::Brat {
        let _ = std::fs::write(path.with_extension("txt"), &input.txt);
    }
    path
}

/// The kept crashers: (target, name, input), brat's `.ann` with the `.txt` of its name.
fn kept_crashers() -> Vec<(Target, String, Input)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-crashers");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(target) = Target::ALL
            .into_iter()
            .find(|t| name.starts_with(&format!("{}-", t.name())))
        else {
            panic!("{name}: a crasher's name starts with its target");
        };
        let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
        if target == Target::Brat && extension.as_deref() == Some("txt") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("a crasher reads");
        let txt = if target == Target::Brat {
            std::fs::read(path.with_extension("txt")).unwrap_or_default()
        } else {
            Vec::new()
        };
        out.push((target, name, Input { bytes, txt }));
    }
    out
}

/// Every kept crasher of `targets`, into both projects of its target.
fn replay(targets: &[Target]) {
    let projects = Projects::new();
    let mut failures = Vec::new();
    let mut replayed = 0;
    for (target, name, input) in kept_crashers() {
        if !targets.contains(&target) {
            continue;
        }
        replayed += 1;
        // The loader has no destination project: once is enough.
        let destinations = if target == Target::Store { 1 } else { 2 };
        for n in 0..destinations {
            match run(target, &input, projects.destination(target, n)) {
                Outcome::Panicked(what) => failures.push(format!("{name}: panic: {what}")),
                Outcome::Broken(what) => failures.push(format!("{name}: {what}")),
                _ => {}
            }
        }
    }
    println!("replayed {replayed} kept crashers");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The crashers the fuzzing found in the importers, kept so they stay fixed.
#[test]
fn replay_kept_crashers() {
    replay(&[
        Target::Json,
        Target::Doccano,
        Target::Spacy,
        Target::Brat,
        Target::LabelStudio,
        Target::W3c,
    ]);
}

/// The crashers the fuzzing found in the project loader (`src/store/`).
#[test]
fn replay_kept_store_crashers() {
    replay(&[Target::Store]);
}

/// Values of 10 MB (a label, a name, a text, a format) are echoed shortened: every
/// message stays one line of at most 600 characters.
#[test]
fn messages_stay_one_short_line_for_10_mb_values() {
    let projects = Projects::new();
    let huge = "x\n".repeat(5_000_000);
    let huge_json = serde_json::to_string(&huge).expect("a string serialises");
    let text = "Kyiv was hit by 270 drones.";
    let export = |format: &str, name: &str, label: &str, said: &str| {
        format!(
            r#"{{"format": {format}, "version": 1, "offsets": "unicode-codepoints", "project": "p", "labels": [],
               "documents": [{{"name": {name}, "sha256": "0", "text": "{text}", "spans": [
                 {{"id": 1, "label": {label}, "start": 0, "end": 4, "text": {said}, "utf16_start": 0, "utf16_end": 4,
                  "byte_start": 0, "byte_end": 4, "note": null, "attributes": {{}}}}]}}]}}"#
        )
    };
    let cases: Vec<(Target, Input)> = vec![
        (
            Target::Json,
            Input::file(export(&huge_json, "\"a\"", "\"quote\"", "\"Kyiv\"")),
        ),
        (
            Target::Json,
            Input::file(export(
                "\"spanmark-export\"",
                &huge_json,
                "\"quote\"",
                &huge_json,
            )),
        ),
        (
            Target::Json,
            Input::file(export(
                "\"spanmark-export\"",
                "\"a\"",
                &huge_json,
                "\"Kyiv\"",
            )),
        ),
        (
            Target::Json,
            Input::file(export("\"spanmark-export\"", "\"a\"", "\"quote\"", "7")),
        ),
        (
            Target::Json,
            Input::file(format!(
                r#"{{"format": "spanmark-export", "version": {huge_json}}}"#
            )),
        ),
        (
            Target::Doccano,
            Input::file(format!(
                "{{\"text\": \"{text}\", \"label\": [[0, 99, {huge_json}]]}}\n"
            )),
        ),
        (
            Target::Spacy,
            Input::file(format!(
                "{{\"text\": \"{text}\", \"spans\": {{\"sc\": [[99, 100, {huge_json}]]}}}}\n{}",
                "x".repeat(10_000_000)
            )),
        ),
        (
            Target::LabelStudio,
            Input::file(format!(
                r#"[{{"data": {{"text": "{text}"}}, "annotations": [{{"result": [{{"value": {{"start": 0, "end": 4, "text": {huge_json}, "labels": ["claim"]}}}}]}}]}}]"#
            )),
        ),
        (
            Target::W3c,
            Input::file(format!(
                r#"[{{"type": "Annotation", "body": {{"purpose": "tagging", "value": "claim"}}, "target": {{"source": {huge_json}}}}}]"#
            )),
        ),
        (
            Target::Brat,
            Input::brat(
                format!(
                    "T{}\tquote 0 1;3 4\tx\nT2\tclaim 0 999\t{huge}\n",
                    "1".repeat(10_000_000)
                ),
                text,
            ),
        ),
        (
            Target::Store,
            Input::file(format!(
                "(format: \"spanmark-project\", version: 1, name: {huge_json}, labels: [(name: {huge_json}, color: {huge_json}, key: None, attributes: [])], next_span_id: 1, open_document: None, documents: [])"
            )),
        ),
        (Target::Store, Input::file(format!("(format: {huge_json})"))),
        (Target::Store, Input::file(huge.clone())),
    ];
    let mut failures = Vec::new();
    for (i, (target, input)) in cases.iter().enumerate() {
        match run(*target, input, projects.destination(*target, 0)) {
            Outcome::Panicked(what) => {
                failures.push(format!("case {i} ({}): panic: {what}", target.name()))
            }
            Outcome::Broken(what) => failures.push(format!("case {i} ({}): {what}", target.name())),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The seeds are valid files: each is accepted, with spans (the fuzzing starts from
/// files that reach the whole path).
#[test]
fn every_seed_is_accepted() {
    let projects = Projects::new();
    for target in Target::ALL {
        for (i, input) in seeds(target, &projects.seeded).iter().enumerate() {
            for n in 0..2 {
                let outcome = run(target, input, projects.destination(target, n));
                assert!(
                    matches!(outcome, Outcome::Accepted { .. }),
                    "{} seed {i} into project {n}: {outcome:?}",
                    target.name()
                );
            }
        }
    }
    // A W3C annotation whose quote is longer than the whole document (it panicked).
    let input = Input::file(
        r#"{"type": "Annotation", "body": {"purpose": "tagging", "value": "quote"}, "target": {"source": "kyiv.txt", "selector": {"type": "TextQuoteSelector", "exact": "far longer than the document it is meant to be in, far longer than the document it is meant to be in, far longer than the document it is meant to be in, far longer than the document it is meant to be in, far longer than the document it is meant to be in"}}}"#,
    );
    let outcome = run(Target::W3c, &input, &projects.bare);
    assert!(
        matches!(outcome, Outcome::Accepted { spans: 0 }),
        "{outcome:?}"
    );
}

/// An import may keep ids up to just below `MAX_IMPORTED_ID`; spans that need fresh ids
/// then take ids above it. The project must still load once saved (the loader once
/// refused ids the allocator hands out by design; see `tests/fuzz-crashers/store-span-
/// id-at-the-limit-does-not-load-back.ron` for the same from a project file).
#[test]
fn store_loads_back_a_project_whose_ids_passed_the_loaded_limit() {
    use spanmark::model::MAX_IMPORTED_ID;
    let text = "Kyiv was hit by 270 drones.";
    let export = format!(
        r#"{{"format": "spanmark-export", "version": 1, "offsets": "unicode-codepoints", "project": "p", "labels": [],
           "documents": [{{"name": "a.txt", "sha256": "{sha}", "text": "{text}", "spans": [
             {{"id": {kept}, "label": "claim", "start": 0, "end": 4, "text": "Kyiv", "utf16_start": 0, "utf16_end": 4,
              "byte_start": 0, "byte_end": 4, "note": null, "attributes": {{}}}},
             {{"id": 18446744073709551615, "label": "figure", "start": 16, "end": 19, "text": "270", "utf16_start": 16,
              "utf16_end": 19, "byte_start": 16, "byte_end": 19, "note": null, "attributes": {{}}}}]}}]}}"#,
        sha = sha256_hex(text),
        kept = MAX_IMPORTED_ID - 1,
    );
    let projects = Projects::new();
    let outcome = run(Target::Json, &Input::file(export), &projects.empty);
    assert!(
        matches!(outcome, Outcome::Accepted { spans: 2 }),
        "{outcome:?}"
    );
}
