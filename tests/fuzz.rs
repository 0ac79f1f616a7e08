//! Bounded, seeded mutation fuzzing of every file spanmark reads (issue 11: "nothing
//! lost, no panics"): the project loader and the six importers.
//!
//! Each input runs the user's whole path, not only the parser:
//! - imports: parse -> `import::plan` -> the edit through `History::apply` -> `to_ron`
//!   -> `store::parse` of that RON (the same project back) -> `formats::export` in every
//!   format and brat's `.ann` -> undo (the project as it was);
//! - the loader: `store::parse` -> `to_ron` -> `store::parse` (the same project, the
//!   same RON) -> every export.
//!
//! Every call runs under `catch_unwind`. A panic, or a broken invariant (a message that
//! is not one short line, a planned edit that does not apply, a round trip that loses
//! something), fails the test with the target, seed and input number, and the input is
//! written under `target/tmp/fuzz-crashers/` to be kept in `tests/fuzz-crashers/`,
//! whose every file [`replay_kept_crashers`] runs again.
//!
//! Inputs are mutations (a hand-written xorshift, no crates) of valid files: spanmark's
//! own exports of a project with emoji, CJK, CRLF, nested spans, notes and attributes,
//! and hand-written files shaped like what doccano, spaCy, brat, Label Studio and W3C
//! tools write. `cargo test --test fuzz` runs 2,000 inputs per target;
//! `cargo test --release --test fuzz -- --ignored` runs 100,000 per target and prints
//! figures.

use serde_json::Value;
use spanmark::edit::{Edit, History};
use spanmark::formats::json::{ExportDocument, ExportFile};
use spanmark::formats::{
    self, ExportFormat, brat, doccano, import, json, label_studio, spacy, w3c,
};
use spanmark::model::{Label, Project, sha256_hex};
use spanmark::store;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::time::Instant;

/// Inputs per target in `cargo test`.
const INPUTS: usize = 2_000;
/// Inputs per target in the long (ignored) run.
const LONG_INPUTS: usize = 100_000;
/// The longest message a user may be shown for one input.
const MAX_MESSAGE_CHARS: usize = 600;
/// Mutated inputs are cut to this size, so a run stays quick.
const MAX_INPUT: usize = 1 << 20;

// ---------------------------------------------------------------------------------
// Targets

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Store,
    Json,
    Doccano,
    Spacy,
    Brat,
    LabelStudio,
    W3c,
}

impl Target {
    const ALL: [Target; 7] = [
        Target::Store,
        Target::Json,
        Target::Doccano,
        Target::Spacy,
        Target::Brat,
        Target::LabelStudio,
        Target::W3c,
    ];

    fn name(self) -> &'static str {
        match self {
            Target::Store => "store",
            Target::Json => "json",
            Target::Doccano => "doccano",
            Target::Spacy => "spacy",
            Target::Brat => "brat",
            Target::LabelStudio => "label-studio",
            Target::W3c => "w3c",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Target::Store => "ron",
            Target::Doccano | Target::Spacy => "jsonl",
            Target::Brat => "ann",
            Target::Json | Target::LabelStudio | Target::W3c => "json",
        }
    }

    /// Does a value-level JSON mutation apply (per line for JSON lines)?
    fn json_lines(self) -> bool {
        matches!(self, Target::Doccano | Target::Spacy)
    }

    fn is_json(self) -> bool {
        !matches!(self, Target::Store | Target::Brat)
    }
}

/// One input: the file, and for brat the `.txt` beside the `.ann`.
#[derive(Clone, Debug)]
struct Input {
    bytes: Vec<u8>,
    txt: Vec<u8>,
}

impl Input {
    fn file(bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            bytes: bytes.into(),
            txt: Vec::new(),
        }
    }

    fn brat(ann: impl Into<Vec<u8>>, txt: impl Into<Vec<u8>>) -> Self {
        Self {
            bytes: ann.into(),
            txt: txt.into(),
        }
    }
}

// ---------------------------------------------------------------------------------
// Seeds

/// The project the seeds are exported from, and W3C annotations anchor in: emoji, a
/// flag, CJK, combining marks, CRLF, tabs, spans over line breaks, nested and
/// overlapping spans, notes (one with a line break) and attributes.
fn seed_project() -> Project {
    let mut project = spanmark::fixture::project(
        "Fuzz “seeds” 🌱",
        &[
            (
                "kyiv.txt",
                "[claim:Ukraine said [quote|speaker=Volodymyr Zelensky:“we will win 🇺🇦”]] after [figure:270 drones] hit Kyiv.\r\nThen 👋🏽 [quote:here], [claim:[figure:40%] of [quote|speaker=Olena:people]] agree.",
            ),
            (
                "beijing.txt",
                "習近平說：「[quote|speaker=習近平:我們會贏]」。[figure:三百]架無人機。[claim:天氣很好]",
            ),
            (
                "mixed.txt",
                "Cafe\u{301} [quote:na\u{308}ive]\tتم [claim:الاتفاق] \r\n\r\n[quote:first line\r\n\r\nsecond line] [figure:12\u{a0}000] end",
            ),
            (
                "my \"odd\" name.txt",
                "[quote:[claim:[figure:deep]]] and [quote:deep] again\n\n[figure:\u{1F600}]",
            ),
        ],
    );
    let notes = [
        (0, 0, "checked against the video"),
        (1, 0, "two lines:\nsecond"),
        (2, 1, "ملاحظة"),
    ];
    for (doc, span, note) in notes {
        let d = &project.documents()[doc];
        let edit = Edit::SetNote {
            doc: d.id,
            span: d.spans()[span].id,
            note: Some(note.to_owned()),
        };
        edit.apply(&mut project).expect("the note sets");
    }
    let label = Label::new("person", "#56B4E9", Some('p'), &["role"]);
    Edit::AddLabel {
        index: usize::MAX,
        label,
    }
    .apply(&mut project)
    .expect("the label adds");
    project
}

/// The seed project without its spans (the documents W3C annotations anchor in).
fn without_spans(project: &Project) -> Project {
    let mut bare = project.clone();
    for doc in project.documents() {
        for span in doc.spans() {
            Edit::RemoveSpan {
                doc: doc.id,
                span: span.id,
            }
            .apply(&mut bare)
            .expect("the span removes");
        }
    }
    bare
}

const HAND_DOCCANO: &str = r#"{"id": 1, "text": "😀 Terrible customer service.", "label": [[3, 11, "claim"], [12, 28, "quote"]], "Comments": []}
{"id": 2, "text": "😀 Really great transaction.", "entities": [{"id": 1, "start_offset": 10, "end_offset": 15, "label": "figure"}, {"id": 2, "start_offset": 3, "end_offset": 27, "label": "claim"}], "relations": []}
{"text": "Kyiv\r\nwas hit", "label": [], "meta": {"name": "k.txt"}}
"#;

const HAND_SPACY: &str = r#"{"text": "😀 Kyiv was hit by 270 drones.", "spans": {"sc": [[18, 28, "figure"]], "ents": [[2, 6, "claim"], [2, 6, "quote"]]}}
{"text": "習近平說：「我們會贏」", "spans": {"sc": [[6, 10, "quote"], [0, 3, "claim"]]}, "meta": {"name": "cjk.txt", "sha256": "0000"}}
"#;

const HAND_LABEL_STUDIO: &str = r#"[{"id": 1, "data": {"text": "Kyiv was hit by 270 drones 🇺🇦 overnight."},
  "annotations": [{"id": 7, "completed_by": 1, "result": [
    {"id": "a1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 4, "text": "Kyiv", "labels": ["claim"]}},
    {"id": "a2", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 16, "end": 26, "labels": ["figure", "quote"]}}]}],
  "predictions": [{"model_version": "v1", "score": 0.87, "result": [
    {"id": "p1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 27, "end": 29, "text": "🇺🇦", "labels": ["claim"]}, "score": 0.5},
    {"id": "p2", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 12, "text": "Kyiv was hit", "labels": ["quote"]}}]}]},
 {"id": 2, "data": {"article": "Second task, another data key."}, "annotations": [], "meta": {"name": "second.txt"}}]
"#;

const HAND_W3C: &str = r#"[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation",
  "body": {"type": "TextualBody", "purpose": "tagging", "value": "figure"},
  "target": {"source": "kyiv.txt", "selector": [{"type": "TextPositionSelector", "start": 0, "end": 3},
    {"type": "TextQuoteSelector", "exact": "270 drones", "prefix": "after ", "suffix": " hit"}]}},
 {"type": "Annotation", "body": [{"purpose": "tagging", "value": "quote"}, {"purpose": "commenting", "value": "a note"}],
  "target": {"source": "beijing.txt", "selector": {"type": "TextQuoteSelector", "exact": "我們會贏"}}},
 {"type": "Annotation", "body": [{"purpose": "tagging", "value": "claim"}],
  "target": {"source": "mixed.txt", "selector": {"type": "TextPositionSelector", "start": 4, "end": 6}}}]
"#;

const HAND_W3C_PAGE: &str = r#"{"type": "AnnotationPage", "items": [{"type": "Annotation",
  "body": {"purpose": "tagging", "value": "claim"},
  "target": {"source": "my \"odd\" name.txt", "selector": [{"type": "TextQuoteSelector", "exact": "deep", "prefix": "and ", "suffix": " again"}]}}]}
"#;

/// A brat `.ann` as brat's documentation shows it: text-bound, discontinuous, notes,
/// attributes (with and without a value), a relation, an event and a comment.
const HAND_BRAT_TXT: &str =
    "Ukraine said Russia launched 270 drones at Kyiv overnight.\r\nА потім 👋🏽 ще.";
const HAND_BRAT_ANN: &str = "T1\tclaim 0 58\tUkraine said Russia launched 270 drones at Kyiv overnight.\n\
T2\tfigure 29 39\t270 drones\n\
T3\tquote 13 19;43 47\tRussia Kyiv\n\
T4\tquote 0 5;7 9\tUkrai d \n\
T5\tclaim 58 60;60 62\t\n\
T6\tquote 62 75\tА потім 👋🏽 ще\n\
#1\tAnnotatorNotes T2\tfrom the air force\n\
#2\tAnnotatorNotes T6\tspeaker: Олена\n\
A1\tConfirmed T1\n\
A2\trole T6 minister\n\
R1\tCause Arg1:T1 Arg2:T2\n\
E1\tAttack:T1 Target:T2\n\
*\tEquiv T1 T2\n";

/// A project file as a person might write it: one line per document, fields in
/// another order, defaults left out, a comment, a rejected suggestion (so the loader
/// takes its slow path, not the one for files spanmark wrote).
fn hand_written_ron() -> String {
    // As RON writes it (escaped), and as it is.
    let text = r#"Kyiv was hit by 270 drones 🇺🇦.\r\nSecond \"line\"."#;
    let sha = sha256_hex("Kyiv was hit by 270 drones 🇺🇦.\r\nSecond \"line\".");
    format!(
        r##"// written by hand
(format: "spanmark-project", version: 1, name: "by hand",
 labels: [(name: "quote", color: "#0072B2", key: Some('q'), attributes: ["speaker"]), (name: "claim", color: "#D55E00")],
 documents: [(id: 3, name: "k.txt", status: Done, sha256: "{sha}", text: "{text}",
   spans: [(id: 9, label: "claim", start: 0, end: 4, note: Some("n"), attributes: {{"speaker": "x"}}), (id: 2, label: "quote", start: 16, end: 26)],
   rejected: [(label: "quote", start: 0, end: 4)])],
 open_document: Some(3))
"##
    )
}

/// The valid files each target starts from.
fn seeds(target: Target, project: &Project) -> Vec<Input> {
    let export = |format| formats::export(project, format).expect("the seed project exports");
    let small = {
        let mut p = project.clone();
        let last = p.documents()[p.documents().len() - 1].id;
        Edit::RemoveDocument { doc: last }
            .apply(&mut p)
            .expect("removes");
        p
    };
    match target {
        Target::Store => vec![
            Input::file(hand_written_ron()),
            Input::file(store::to_ron(project)),
            Input::file(store::to_ron(&small)),
            Input::file(store::to_ron(&without_spans(project))),
            Input::file(store::to_ron(&Project::new("empty"))),
        ],
        Target::Json => vec![
            Input::file(export(ExportFormat::Json)),
            Input::file(formats::export(&small, ExportFormat::Json).expect("exports")),
        ],
        Target::Doccano => vec![
            Input::file(export(ExportFormat::Doccano)),
            Input::file(HAND_DOCCANO),
        ],
        Target::Spacy => vec![
            Input::file(export(ExportFormat::Spacy)),
            Input::file(HAND_SPACY),
        ],
        Target::LabelStudio => vec![
            Input::file(export(ExportFormat::LabelStudio)),
            Input::file(HAND_LABEL_STUDIO),
        ],
        Target::W3c => vec![
            Input::file(export(ExportFormat::W3c)),
            Input::file(HAND_W3C),
            Input::file(HAND_W3C_PAGE),
        ],
        Target::Brat => {
            let mut inputs: Vec<Input> = json::build(project)
                .documents
                .iter()
                .map(|doc| Input::brat(brat::ann(doc), doc.text.as_bytes()))
                .collect();
            inputs.push(Input::brat(HAND_BRAT_ANN, HAND_BRAT_TXT));
            inputs
        }
    }
}

// ---------------------------------------------------------------------------------
// Mutations

/// xorshift64*: deterministic, no crates.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // splitmix64 of the seed, so neighbouring seeds start far apart.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Self((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Numbers that break offsets and ids: zero, negative, past `u64`, past JavaScript's
/// exact integers, spanmark's id limits, floats.
const EXTREME_NUMBERS: [&str; 22] = [
    "0",
    "9007194959773695",
    "9007194959773694",
    "9007194959773696",
    "9007199254740992",
    "-1",
    "1",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775808",
    "9007199254740993",
    "9007199254740991",
    "4503599627370496",
    "4294967296",
    "4294967295",
    "2147483648",
    "1e308",
    "-1e308",
    "1.5",
    "-0",
    "99999999999999999999999999999",
    "65536",
];

/// String contents (already escaped for JSON and RON) that break texts, names and
/// labels: control characters, lone surrogates, emoji, bidi marks, blanks, valid labels.
const WEIRD_STRINGS: [&str; 22] = [
    "",
    " ",
    "quote",
    "claim",
    "figure",
    " quote ",
    "\\u0000",
    "\\u001b[31mred",
    "line\\nbreak",
    "tab\\there",
    "cr\\r\\nlf",
    "\\ud800",
    "\\udc00\\ud800",
    "\\ud83d\\ude00",
    "👋🏽🇺🇦",
    "\\u202eevil",
    "\\ufeffbom",
    "e\\u0301",
    "\\\\",
    "\\\"",
    "我們會贏",
    "#0072B2",
];

/// A long string content: a few thousand characters, now and then 100,000.
fn long_string(rng: &mut Rng) -> String {
    let n = if rng.chance(20) {
        100_000
    } else {
        1 + rng.below(3_000)
    };
    let unit = *rng.pick(&["x", "é", "👋", "ab ", "\\n"]);
    unit.repeat(n)
}

/// The byte ranges of the contents of `"…"` strings (JSON and RON alike).
fn string_contents(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            let end = j.min(bytes.len());
            out.push((start, end));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The byte ranges of numbers (`-?[0-9]+`).
fn numbers(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = if i > 0 && bytes[i - 1] == b'-' {
                i - 1
            } else {
                i
            };
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            out.push((start, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The byte ranges of brat's tab-separated fields.
fn fields(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\t' || b == b'\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, bytes.len()));
    out
}

fn replace(bytes: &mut Vec<u8>, (start, end): (usize, usize), with: &[u8]) {
    bytes.splice(start..end, with.iter().copied());
}

/// One text-level mutation of `bytes`; `other` is another seed of the target.
fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>, other: &[u8], target: Target) {
    const TOKENS: [&[u8]; 16] = [
        b"\"", b"\\", b"\n", b"\r\n", b"\t", b"{", b"}", b"[", b"]", b",", b":", b";", b" ", b"-",
        b"null", b"\xff",
    ];
    let len = bytes.len();
    match rng.below(21) {
        0 if len > 0 => {
            let at = rng.below(len);
            bytes[at] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let at = rng.below(len);
            bytes[at] = *rng.pick(&[b'"', b'\\', b'\n', b'\t', b'0', b'9', b'-', b'}', 0, 0xC3]);
        }
        2 => {
            let at = rng.below(len + 1);
            let token = rng.pick(&TOKENS).to_vec();
            replace(bytes, (at, at), &token);
        }
        3 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(64)).min(len);
            replace(bytes, (start, end), b"");
        }
        4 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(256)).min(len);
            let piece = bytes[start..end].to_vec();
            let at = rng.below(len + 1);
            replace(bytes, (at, at), &piece);
        }
        5 => {
            // Splice: the start of this input, the rest of another seed.
            let cut = rng.below(len + 1);
            let from = rng.below(other.len() + 1);
            bytes.truncate(cut);
            bytes.extend_from_slice(&other[from..]);
        }
        6 => {
            let cut = rng.below(len + 1);
            bytes.truncate(cut);
        }
        7..=10 => {
            let spans = numbers(bytes);
            if !spans.is_empty() {
                let span = *rng.pick(&spans);
                let with = if rng.chance(3) {
                    rng.below(400).to_string()
                } else {
                    (*rng.pick(&EXTREME_NUMBERS)).to_owned()
                };
                replace(bytes, span, with.as_bytes());
            }
        }
        11..=14 => {
            let spans = if target == Target::Brat {
                fields(bytes)
            } else {
                string_contents(bytes)
            };
            if !spans.is_empty() {
                let span = *rng.pick(&spans);
                let with = if rng.chance(4) {
                    long_string(rng)
                } else {
                    (*rng.pick(&WEIRD_STRINGS)).to_owned()
                };
                replace(bytes, span, with.as_bytes());
            }
        }
        15 => {
            // Deep nesting.
            let deepest = if rng.chance(10) { 100_000 } else { 300 };
            let depth = 1 + rng.below(deepest);
            let at = rng.below(len + 1);
            let mut nest = vec![if rng.chance(2) { b'[' } else { b'(' }; depth];
            if rng.chance(2) {
                nest.extend(std::iter::repeat_n(b']', depth));
            }
            replace(bytes, (at, at), &nest);
        }
        16..=18 => {
            // Whole lines (a span of a project file, a line of JSON lines or brat):
            // duplicated, dropped or swapped.
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            let i = rng.below(lines.len());
            let j = rng.below(lines.len());
            match rng.below(3) {
                0 => {
                    let copy = lines[i].clone();
                    lines.insert(j, copy);
                }
                1 => {
                    lines.remove(i);
                }
                _ => lines.swap(i, j),
            }
            *bytes = lines.join(&b'\n');
        }
        _ => {
            // Swap two neighbouring numbers (start and end).
            let spans = numbers(bytes);
            if spans.len() >= 2 {
                let i = rng.below(spans.len() - 1);
                let (a, b) = (spans[i], spans[i + 1]);
                let (first, second) = (bytes[a.0..a.1].to_vec(), bytes[b.0..b.1].to_vec());
                replace(bytes, b, &first);
                replace(bytes, a, &second);
            }
        }
    }
}

/// A JSON value of the kinds that break importers.
fn weird_value(rng: &mut Rng) -> Value {
    match rng.below(8) {
        0 => Value::Null,
        1 => serde_json::json!(u64::MAX),
        2 => serde_json::json!(-1),
        3 => serde_json::json!(1e308),
        4 => serde_json::json!(9_007_199_254_740_993_u64),
        5 => Value::String(
            serde_json::from_str::<String>(&format!("\"{}\"", rng.pick(&WEIRD_STRINGS)))
                .unwrap_or_default(),
        ),
        6 => Value::Array(Vec::new()),
        _ => serde_json::json!(rng.below(300)),
    }
}

/// Keys the importers look for, to add where they are missing.
const KEYS: [&str; 16] = [
    "start", "end", "text", "label", "labels", "id", "type", "source", "selector", "exact",
    "prefix", "suffix", "value", "purpose", "name", "sha256",
];

/// One mutation of a parsed JSON value, at a node reached by a random walk.
fn mutate_value(rng: &mut Rng, value: &mut Value) {
    let descend = !rng.chance(3);
    match value {
        Value::Array(items) if descend && !items.is_empty() => {
            let i = rng.below(items.len());
            return mutate_value(rng, &mut items[i]);
        }
        Value::Object(map) if descend && !map.is_empty() => {
            let i = rng.below(map.len());
            if let Some((_, v)) = map.iter_mut().nth(i) {
                return mutate_value(rng, v);
            }
        }
        _ => {}
    }
    match value {
        Value::Array(items) if !items.is_empty() && rng.chance(2) => {
            let i = rng.below(items.len());
            match rng.below(3) {
                0 => {
                    let copy = items[i].clone();
                    items.insert(rng.below(items.len() + 1), copy);
                }
                1 => {
                    items.remove(i);
                }
                _ => items.reverse(),
            }
        }
        Value::Object(map) if rng.chance(2) => {
            if !map.is_empty() && rng.chance(2) {
                let i = rng.below(map.len());
                let key = map.keys().nth(i).cloned().unwrap_or_default();
                map.remove(&key);
            } else {
                map.insert((*rng.pick(&KEYS)).to_owned(), weird_value(rng));
            }
        }
        Value::Number(n) if rng.chance(2) => {
            let v = n.as_u64().unwrap_or(0);
            *value = serde_json::json!(match rng.below(3) {
                0 => v.wrapping_add(1),
                1 => v.wrapping_sub(1),
                _ => v.saturating_mul(2),
            });
        }
        Value::String(s) if rng.chance(2) => {
            let mut chars: Vec<char> = s.chars().collect();
            match rng.below(3) {
                0 => chars.truncate(rng.below(chars.len() + 1)),
                1 => chars.insert(
                    rng.below(chars.len() + 1),
                    *rng.pick(&['\n', '👋', '\u{0}', 'é']),
                ),
                _ => chars.reverse(),
            }
            *s = chars.into_iter().collect();
        }
        _ => *value = weird_value(rng),
    }
}

/// A value-level mutation: parse (the whole file, or one line of JSON lines), mutate,
/// write back. Does nothing when the input is not JSON any more.
fn mutate_json(rng: &mut Rng, bytes: &mut Vec<u8>, target: Target) {
    if target.json_lines() {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        if lines.is_empty() {
            return;
        }
        let i = rng.below(lines.len());
        match rng.below(4) {
            0 => {
                let copy = lines[i].clone();
                lines.insert(rng.below(lines.len() + 1), copy);
            }
            _ => {
                if let Ok(mut value) = serde_json::from_str::<Value>(&lines[i]) {
                    mutate_value(rng, &mut value);
                    lines[i] = value.to_string();
                }
            }
        }
        *bytes = (lines.join("\n") + "\n").into_bytes();
    } else if let Ok(mut value) = serde_json::from_slice::<Value>(bytes) {
        mutate_value(rng, &mut value);
        *bytes = if rng.chance(2) {
            serde_json::to_vec_pretty(&value)
        } else {
            serde_json::to_vec(&value)
        }
        .unwrap_or_default();
    }
}

/// Input `n` of `target`'s run with `seed`: the seeds themselves first, then mutations
/// (one to four stacked), each a function of (seed, n) alone so any one can be made
/// again.
fn input(target: Target, seeds: &[Input], seed: u64, n: usize) -> Input {
    if n < seeds.len() {
        return seeds[n].clone();
    }
    let mut rng = Rng::new(seed ^ (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut input = rng.pick(seeds).clone();
    let other = rng.pick(seeds).clone();
    for _ in 0..1 + rng.below(4) {
        // For brat: mostly the .ann, sometimes the text beside it.
        let (bytes, other) = if target == Target::Brat && rng.chance(4) {
            (&mut input.txt, &other.txt)
        } else {
            (&mut input.bytes, &other.bytes)
        };
        if target.is_json() && rng.chance(3) {
            mutate_json(&mut rng, bytes, target);
        } else {
            mutate_bytes(&mut rng, bytes, other, target);
        }
        bytes.truncate(MAX_INPUT);
    }
    input
}

// ---------------------------------------------------------------------------------
// The user's path

/// What one input did.
#[derive(Debug)]
enum Outcome {
    /// The parser took it (with how many spans the import added).
    Accepted { spans: usize },
    /// The parser refused it with this message.
    Refused(String),
    /// An invariant broke (not a panic): what.
    Broken(String),
    /// A panic: its message and place.
    Panicked(String),
}

/// A message shown to the user: one line, not too long.
fn check_message(what: &str, message: &str) -> Result<(), String> {
    if message.contains('\n') || message.contains('\r') {
        return Err(format!("{what} is not one line: {:?}", short(message)));
    }
    let chars = message.chars().count();
    if chars > MAX_MESSAGE_CHARS {
        return Err(format!(
            "{what} has {chars} characters (at most {MAX_MESSAGE_CHARS}): {:?}",
            short(message)
        ));
    }
    Ok(())
}

fn short(s: &str) -> String {
    let cut: String = s.chars().take(300).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// Are two projects the same to a user and to the file?
fn same(what: &str, a: &Project, b: &Project) -> Result<(), String> {
    if a.name != b.name {
        return Err(format!("{what}: the project name changed"));
    }
    if a.labels != b.labels {
        return Err(format!("{what}: the labels changed"));
    }
    if a.documents().len() != b.documents().len() {
        return Err(format!(
            "{what}: {} documents became {}",
            a.documents().len(),
            b.documents().len()
        ));
    }
    for (x, y) in a.documents().iter().zip(b.documents()) {
        if x != y {
            let first = x
                .spans()
                .iter()
                .zip(y.spans())
                .find(|(s, t)| s != t)
                .map(|(s, t)| format!("{s:?} became {t:?}"))
                .unwrap_or_else(|| {
                    format!(
                        "{} spans became {} (or its name, text or status changed)",
                        x.spans().len(),
                        y.spans().len()
                    )
                });
            return Err(format!(
                "{what}: document {:?} differs: {}",
                short(&x.name),
                short(&first)
            ));
        }
    }
    if a.next_span_id() != b.next_span_id() || a.open_document != b.open_document {
        return Err(format!(
            "{what}: next_span_id {} / open document {:?} became {} / {:?}",
            a.next_span_id(),
            a.open_document,
            b.next_span_id(),
            b.open_document
        ));
    }
    Ok(())
}

/// Every export of a project a user may now make.
fn exports(project: &Project) -> Result<(), String> {
    for format in ExportFormat::ALL {
        if let Err(err) = formats::export(project, format) {
            return Err(format!(
                "export as {} failed: {}",
                format.name(),
                short(&err.to_string())
            ));
        }
    }
    for doc in &json::build(project).documents {
        brat::ann(doc);
    }
    Ok(())
}

/// The projects an input is imported into.
struct Projects {
    /// The seed project (documents to match, spans to meet as duplicates, ids taken).
    seeded: Project,
    /// Its documents without spans (where W3C annotations are meant to go).
    bare: Project,
    empty: Project,
}

impl Projects {
    fn new() -> Self {
        let seeded = seed_project();
        let bare = without_spans(&seeded);
        Self {
            seeded,
            bare,
            empty: Project::new("untitled"),
        }
    }

    /// Where input `n` goes: the seeded project for even inputs; for odd ones an empty
    /// project (W3C: the documents without spans).
    fn destination(&self, target: Target, n: usize) -> &Project {
        match (n % 2, target) {
            (0, _) => &self.seeded,
            (_, Target::W3c) => &self.bare,
            _ => &self.empty,
        }
    }
}

/// The file read by an importer: what to merge, and the problems met.
type Read = Result<(ExportFile<'static>, Vec<String>), String>;

/// Parses an import target's input (W3C against `into`).
fn read(target: Target, input: &Input, into: &Project) -> Read {
    let bytes = &input.bytes;
    match target {
        Target::Store => unreachable!("the loader is not an importer"),
        Target::Json => import::parse(bytes)
            .map(|file| (file, Vec::new()))
            .map_err(|e| e.to_string()),
        Target::Doccano => doccano::parse(bytes),
        Target::Spacy => spacy::parse(bytes),
        Target::LabelStudio => {
            let imported = label_studio::parse(bytes)?;
            // Predictions are offered in the window: each must lie inside its text.
            for p in &imported.predictions {
                let doc = imported
                    .file
                    .documents
                    .iter()
                    .find(|d| d.sha256 == p.sha256);
                let fits = doc.is_some_and(|d| {
                    !p.range.is_empty() && p.range.end.0 <= d.text.chars().count()
                });
                if !fits {
                    return Err(format!(
                        "BROKEN: prediction {:?} is not inside its document",
                        p.range
                    ));
                }
            }
            Ok((imported.file, imported.problems))
        }
        Target::W3c => w3c::parse(bytes, into),
        Target::Brat => {
            // As `brat::read_files` reads a pair, from memory.
            let ann = String::from_utf8_lossy(bytes);
            let text = String::from_utf8_lossy(&input.txt).into_owned();
            let (spans, problems) = brat::read(&ann, &text, &into.labels);
            let doc = ExportDocument {
                name: Cow::Borrowed("fuzz.txt"),
                sha256: Cow::Owned(sha256_hex(&text)),
                text: Cow::Owned(text),
                spans,
            };
            Ok((ExportFile::imported(vec![doc]), problems))
        }
    }
}

/// The whole path of one import: `Ok` with the outcome, `Err` for a broken invariant.
fn import_path(target: Target, input: &Input, into: &Project) -> Result<Outcome, String> {
    let (file, problems) = match read(target, input, into) {
        Ok(read) => read,
        Err(message) if message.starts_with("BROKEN: ") => return Err(message),
        Err(message) => {
            check_message("the refusal", &message)?;
            return Ok(Outcome::Refused(message));
        }
    };
    for problem in &problems {
        check_message("a problem read", problem)?;
    }
    let mut project = into.clone();
    let (edit, report) = import::plan(&mut project, &file);
    for problem in &report.problems {
        check_message("an import problem", problem)?;
    }
    let mut history = History::new_unsaved();
    history
        .apply(&mut project, edit)
        .map_err(|e| format!("the planned edit does not apply: {}", short(&e.to_string())))?;
    if project.span_count() != into.span_count() + report.spans_added {
        return Err(format!(
            "the report says {} spans added, the project went from {} to {}",
            report.spans_added,
            into.span_count(),
            project.span_count()
        ));
    }
    let ron = store::to_ron(&project);
    let back = store::parse(&ron, "imported.ron").map_err(|e| {
        format!(
            "the project after the import does not load back: {}",
            short(&e.to_string())
        )
    })?;
    same(
        "the project after the import, saved and loaded",
        &project,
        &back,
    )?;
    exports(&project)?;
    history
        .undo(&mut project)
        .map_err(|e| format!("the import does not undo: {e}"))?;
    same("the project after undoing the import", into, &project).or_else(|err| {
        // Undo keeps the ids the import reserved: the allocator never goes back.
        if err.contains("next_span_id") && project.documents() == into.documents() {
            Ok(())
        } else {
            Err(err)
        }
    })?;
    Ok(Outcome::Accepted {
        spans: report.spans_added,
    })
}

/// The loader's path: parse, and what it takes must save and load as itself.
fn store_path(input: &Input) -> Result<Outcome, String> {
    let text = String::from_utf8_lossy(&input.bytes);
    let project = match store::parse(&text, "fuzz.ron") {
        Ok(project) => project,
        Err(err) => {
            let message = err.to_string();
            check_message("the loader's refusal", &message)?;
            return Ok(Outcome::Refused(message));
        }
    };
    let ron = store::to_ron(&project);
    let back = store::parse(&ron, "fuzz.ron").map_err(|e| {
        format!(
            "a project the loader took does not load back once saved: {}",
            short(&e.to_string())
        )
    })?;
    same("the loaded project, saved and loaded", &project, &back)?;
    if store::to_ron(&back) != ron {
        return Err("saving the project again gives another file".to_owned());
    }
    exports(&project)?;
    Ok(Outcome::Accepted {
        spans: project.span_count(),
    })
}

thread_local! {
    /// Set while a fuzzed call runs: its panic is recorded here, not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A panic hook that records panics of fuzzed calls (on their thread) and leaves every
/// other panic, such as a failing assertion of a test, to the default hook.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
            } else {
                default(info);
            }
        }));
    });
}

/// Runs one input through its target's path, catching any panic.
fn run(target: Target, input: &Input, into: &Project) -> Outcome {
    install_panic_hook();
    QUIET.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| match target {
        Target::Store => store_path(input),
        _ => import_path(target, input, into),
    }));
    QUIET.with(|q| q.set(false));
    match result {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(broken)) => Outcome::Broken(broken),
        Err(_) => Outcome::Panicked(
            PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_else(|| "a panic without a message".to_owned())
                .replace('\n', " "),
        ),
    }
}

// ---------------------------------------------------------------------------------
// Runs

/// Where crashing inputs are written.
fn crasher_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-crashers")
}

/// Writes a crashing input; returns the path of its main file.
fn keep(target: Target, name: &str, input: &Input) -> PathBuf {
    let dir = crasher_dir();
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{}-{name}.{}", target.name(), target.extension()));
    let _ = std::fs::write(&path, &input.bytes);
    if target == Target::Brat {
        let _ = std::fs::write(path.with_extension("txt"), &input.txt);
    }
    path
}

#[derive(Default)]
struct Figures {
    inputs: usize,
    accepted: usize,
    refused: usize,
    spans: usize,
    /// The longest refusal, in characters.
    longest: usize,
    panics: usize,
    broken: usize,
    seconds: f64,
    /// Up to a few failures: (input number, what, file kept).
    failures: Vec<(usize, String, PathBuf)>,
}

/// `inputs` inputs of `target` from `seed`.
fn fuzz(target: Target, seed: u64, inputs: usize) -> Figures {
    let projects = Projects::new();
    let seeds = seeds(target, &projects.seeded);
    let mut figures = Figures::default();
    let start = Instant::now();
    for n in 0..inputs {
        let input = input(target, &seeds, seed, n);
        let outcome = run(target, &input, projects.destination(target, n));
        figures.inputs += 1;
        let failure = match outcome {
            Outcome::Accepted { spans } => {
                figures.accepted += 1;
                figures.spans += spans;
                None
            }
            Outcome::Refused(message) => {
                figures.refused += 1;
                figures.longest = figures.longest.max(message.chars().count());
                None
            }
            Outcome::Panicked(message) => {
                figures.panics += 1;
                Some(format!("panic: {message}"))
            }
            Outcome::Broken(message) => {
                figures.broken += 1;
                Some(message)
            }
        };
        if let Some(what) = failure
            && figures.failures.len() < 10
        {
            let path = keep(target, &format!("seed{seed:x}-input{n}"), &input);
            figures.failures.push((n, what, path));
        }
    }
    figures.seconds = start.elapsed().as_secs_f64();
    figures
}

fn report(target: Target, seed: u64, figures: &Figures) {
    if figures.failures.is_empty() {
        return;
    }
    let mut text = format!(
        "{}: {} panics and {} broken invariants in {} inputs (seed {seed:#x}):",
        target.name(),
        figures.panics,
        figures.broken,
        figures.inputs
    );
    for (n, what, path) in &figures.failures {
        text.push_str(&format!(
            "\n  input {n}: {what}\n    kept as {}",
            path.display()
        ));
    }
    panic!("{text}");
}

/// The seed of a target's run in `cargo test`.
fn seed_of(target: Target) -> u64 {
    0x5EED_0000 + Target::ALL.iter().position(|t| *t == target).unwrap_or(0) as u64
}

fn fuzz_target(target: Target) {
    let seed = seed_of(target);
    let figures = fuzz(target, seed, INPUTS);
    println!(
        "{}: {} inputs, {} accepted, {} refused, {} panics, {} broken, {:.1} s",
        target.name(),
        figures.inputs,
        figures.accepted,
        figures.refused,
        figures.panics,
        figures.broken,
        figures.seconds
    );
    report(target, seed, &figures);
}

#[test]
fn fuzz_store_loader() {
    fuzz_target(Target::Store);
}

#[test]
fn fuzz_json_import() {
    fuzz_target(Target::Json);
}

#[test]
fn fuzz_doccano_import() {
    fuzz_target(Target::Doccano);
}

#[test]
fn fuzz_spacy_import() {
    fuzz_target(Target::Spacy);
}

#[test]
fn fuzz_brat_import() {
    fuzz_target(Target::Brat);
}

#[test]
fn fuzz_label_studio_import() {
    fuzz_target(Target::LabelStudio);
}

#[test]
fn fuzz_w3c_import() {
    fuzz_target(Target::W3c);
}

/// `cargo test --release --test fuzz -- --ignored --nocapture`: 100,000 inputs per
/// target, with a table of figures: inputs, accepted (the parser took them), refused
/// (with a message; `longest` is the longest, in characters), spans the imports
/// added (the loader: spans loaded), panics, broken invariants, seconds.
#[test]
#[ignore = "long: run in release with --ignored"]
fn fuzz_long_run() {
    let seed = 0x1006_5EED;
    println!(
        "{:<14} {:>8} {:>9} {:>9} {:>9} {:>9} {:>7} {:>7} {:>8}",
        "target",
        "inputs",
        "accepted",
        "refused",
        "longest",
        "spans",
        "panics",
        "broken",
        "seconds"
    );
    let mut all = Vec::new();
    for target in Target::ALL {
        let figures = fuzz(target, seed, LONG_INPUTS);
        println!(
            "{:<14} {:>8} {:>9} {:>9} {:>9} {:>9} {:>7} {:>7} {:>8.1}",
            target.name(),
            figures.inputs,
            figures.accepted,
            figures.refused,
            figures.longest,
            figures.spans,
            figures.panics,
            figures.broken,
            figures.seconds
        );
        all.push((target, figures));
    }
    for (target, figures) in &all {
        for (n, what, path) in &figures.failures {
            println!(
                "{} input {n}: {what}\n    kept as {}",
                target.name(),
                path.display()
            );
        }
    }
    for (target, figures) in &all {
        report(*target, seed, figures);
    }
}

// ---------------------------------------------------------------------------------
// Kept crashers and long values

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
