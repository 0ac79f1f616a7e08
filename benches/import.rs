//! Import speed (issue 11): 20,000 spans exported from one 4 MB article, imported into a
//! project holding that article without spans, in every format spanmark reads. Each row
//! is the user's path: parse the file, `import::plan`, apply the edit through a
//! `History`. Target (2-core machine): W3C <= 1 s. Further rows measure the cases an
//! import must also stay linear in: every W3C position wrong (anchored by the quote),
//! the spans merged into a document that already has 20,000, spans applied in random
//! order, undoing the import, and 20,000 one-span documents.
//!
//! `cargo bench --bench import` (add `-- --quick` for one round).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::edit::{Edit, History};
use spanmark::fixture::generated_project;
use spanmark::formats::import::{self, ImportReport};
use spanmark::formats::json::{ExportDocument, ExportFile};
use spanmark::formats::{self, ExportFormat, brat, doccano, label_studio, spacy, w3c};
use spanmark::model::{Document, Project, Span};
use std::borrow::Cow;
use std::time::{Duration, Instant};

const SPANS: usize = 20_000;
/// Code points of the article: about 4 MB of UTF-8 with its Cyrillic and emoji.
const CHARS: usize = 3_800_000;

/// Times of one import: parse, plan, apply.
#[derive(Clone, Copy, Default)]
struct Times {
    parse: Duration,
    plan: Duration,
    apply: Duration,
}

impl Times {
    fn total(&self) -> Duration {
        self.parse + self.plan + self.apply
    }
}

/// The median (by total) of `rounds` imports: `parse` reads the file, then the export
/// is planned into a copy of `target` and applied through a History.
fn measure(
    rounds: usize,
    target: &Project,
    mut parse: impl FnMut(&Project) -> ExportFile<'static>,
) -> (Times, ImportReport, Project) {
    let mut runs = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let mut project = target.clone();
        let start = Instant::now();
        let file = parse(&project);
        let parsed = start.elapsed();
        let start = Instant::now();
        let (edit, report) = import::plan(&project, &file);
        let planned = start.elapsed();
        let start = Instant::now();
        let mut history = History::new_unsaved();
        history
            .apply(&mut project, edit)
            .expect("the import applies");
        let applied = start.elapsed();
        let times = Times {
            parse: parsed,
            plan: planned,
            apply: applied,
        };
        drop(file);
        runs.push((times, report, project));
    }
    runs.sort_by_key(|(t, _, _)| t.total());
    runs.swap_remove(runs.len() / 2)
}

/// The project holding `source`'s documents, without their spans.
fn without_spans(source: &Project) -> Project {
    let mut project = Project::new(&source.name);
    for doc in source.documents() {
        let bare = Document::new(doc.id, &doc.name, doc.text().to_owned(), "UTF-8");
        Edit::AddDocument {
            index: usize::MAX,
            document: Box::new(bare),
        }
        .apply(&mut project)
        .expect("a document without spans adds");
    }
    project
}

/// Every span of a project as (document, label, range), sorted.
fn spans_of(project: &Project) -> Vec<(String, String, usize, usize)> {
    let mut out: Vec<_> = project
        .documents()
        .iter()
        .flat_map(|d| {
            d.spans().iter().map(|s| {
                (
                    d.name.clone(),
                    s.label.clone(),
                    s.range.start.0,
                    s.range.end.0,
                )
            })
        })
        .collect();
    out.sort();
    out
}

/// The W3C collection with every `TextPositionSelector` moved a code point or more on,
/// to where `text` does not hold the quote.
fn positions_wrong(w3c_bytes: &[u8], text: &str) -> Vec<u8> {
    let chars: Vec<char> = text.chars().collect();
    let mut value: serde_json::Value = serde_json::from_slice(w3c_bytes).expect("W3C is JSON");
    let items = value["first"]["items"]
        .as_array_mut()
        .expect("a collection's items");
    for item in items {
        let selectors = item["target"]["selector"]
            .as_array_mut()
            .expect("selectors");
        let exact: Vec<char> = selectors[1]["exact"]
            .as_str()
            .expect("a quote")
            .chars()
            .collect();
        let position = &mut selectors[0];
        let start = position["start"].as_u64().expect("an offset") as usize;
        let end = position["end"].as_u64().expect("an offset") as usize;
        let shift = (1..)
            .find(|s| chars.get(start + s..end + s) != Some(&exact[..]))
            .expect("some shift is wrong");
        position["start"] = serde_json::json!(start + shift);
        position["end"] = serde_json::json!(end + shift);
    }
    serde_json::to_vec(&value).expect("JSON serialises")
}

fn xorshift(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn row(what: &str, t: Times, spans: usize, target: Option<f64>) {
    let secs = t.total().as_secs_f64();
    let verdict = match target {
        Some(max) if secs <= max => format!("  target {max:.1} s: met"),
        Some(max) => format!("  target {max:.1} s: MISSED"),
        None => String::new(),
    };
    println!(
        "{what:<44} {:>7.3} {:>7.3} {:>7.3} {secs:>8.3} s {spans:>7}{verdict}",
        t.parse.as_secs_f64(),
        t.plan.as_secs_f64(),
        t.apply.as_secs_f64(),
    );
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 1 } else { 3 };
    let start = Instant::now();
    let source = generated_project(1, CHARS, SPANS);
    let doc = &source.documents()[0];
    println!(
        "article: {:.1} MB ({} code points), {} spans (generated in {:.2} s); median of {rounds} rounds",
        doc.text().len() as f64 / 1e6,
        doc.len_chars(),
        doc.spans().len(),
        start.elapsed().as_secs_f64()
    );
    let bare = without_spans(&source);
    let expected = spans_of(&source);
    let bytes = |format| formats::export(&source, format).expect("export");
    println!(
        "{:<44} {:>7} {:>7} {:>7} {:>10} {:>7}",
        "import into the article without spans", "parse", "plan", "apply", "total", "added"
    );
    let check = |what: &str, report: &ImportReport, project: &Project| {
        assert_eq!(
            report.spans_added,
            SPANS,
            "{what}: {:?}",
            report.problems().first()
        );
        assert_eq!(spans_of(project), expected, "{what}: the spans differ");
    };

    let w3c_bytes = bytes(ExportFormat::W3c);
    let (t, report, project) = measure(rounds, &bare, |p| {
        let imported = w3c::parse(&w3c_bytes, p).expect("W3C parses");
        assert!(
            imported.found.problems.is_empty(),
            "{:?}",
            imported.found.problems.first()
        );
        imported.file
    });
    check("w3c", &report, &project);
    row(
        &format!("w3c ({:.1} MB)", w3c_bytes.len() as f64 / 1e6),
        t,
        report.spans_added,
        Some(1.0),
    );

    let wrong = positions_wrong(&w3c_bytes, doc.text());
    let (t, report, project) = measure(rounds, &bare, |p| {
        let imported = w3c::parse(&wrong, p).expect("W3C parses");
        assert!(
            imported.found.problems.is_empty(),
            "{:?}",
            imported.found.problems.first()
        );
        imported.file
    });
    check("w3c, positions wrong", &report, &project);
    row(
        "w3c, every position wrong (quote fallback)",
        t,
        report.spans_added,
        None,
    );

    let json_bytes = bytes(ExportFormat::Json);
    let (t, report, project) = measure(rounds, &bare, |_| {
        import::parse(&json_bytes).expect("JSON parses")
    });
    check("json", &report, &project);
    row(
        &format!("json ({:.1} MB)", json_bytes.len() as f64 / 1e6),
        t,
        report.spans_added,
        None,
    );

    let doccano_bytes = bytes(ExportFormat::Doccano);
    let (t, report, project) = measure(rounds, &bare, |_| {
        doccano::parse(&doccano_bytes).expect("doccano parses").file
    });
    check("doccano", &report, &project);
    row("doccano", t, report.spans_added, None);

    let spacy_bytes = bytes(ExportFormat::Spacy);
    let (t, report, project) = measure(rounds, &bare, |_| {
        spacy::parse(&spacy_bytes).expect("spaCy parses").file
    });
    check("spacy", &report, &project);
    row("spacy", t, report.spans_added, None);

    let ls_bytes = bytes(ExportFormat::LabelStudio);
    let (t, report, project) = measure(rounds, &bare, |_| {
        label_studio::parse(&ls_bytes, None)
            .expect("Label Studio parses")
            .file
    });
    check("label-studio", &report, &project);
    row("label-studio", t, report.spans_added, None);

    let export = formats::json::build(&source);
    let ann = brat::ann(&export.documents[0]);
    let (t, report, project) = measure(rounds, &bare, |p| {
        let doc = &p.documents()[0];
        let (spans, _) = brat::read(&ann, doc.text(), &p.labels, 0);
        ExportFile::imported(vec![ExportDocument {
            name: Cow::Owned(doc.name.clone()),
            sha256: Cow::Owned(doc.sha256().to_owned()),
            text: Cow::Owned(doc.text().to_owned()),
            spans,
        }])
    });
    // brat cannot hold a line break at either end of a span (fragments leave them
    // out), so a few spans come back shorter, some of them onto another one.
    assert_eq!(report.spans_added + report.duplicates_skipped(), SPANS);
    drop(project);
    row("brat (brat::read of the .ann)", t, report.spans_added, None);

    println!("other cases");
    // Merging into a document that already has 20,000 spans: the same ranges under
    // another label, so every new span lands between existing ones.
    let mut crowded = bare.clone();
    let doc_id = crowded.documents()[0].id;
    let others: Vec<Edit> = source.documents()[0]
        .spans()
        .iter()
        .map(|s| {
            let label = match s.label.as_str() {
                "quote" => "claim",
                "claim" => "figure",
                _ => "quote",
            };
            Edit::AddSpan {
                doc: doc_id,
                span: Span::new(crowded.allocate_span_id(), label, s.range),
            }
        })
        .collect();
    // Some rotated spans meet an original of that label: those the batch cannot take
    // are left out one by one.
    for edit in others {
        let _ = edit.apply(&mut crowded);
    }
    let before = crowded.span_count();
    let (t, report, _) = measure(rounds, &crowded, |p| {
        w3c::parse(&w3c_bytes, p).expect("W3C parses").file
    });
    row(
        &format!("w3c into the article with {before} spans"),
        t,
        report.spans_added,
        None,
    );

    // Undoing the W3C import.
    let mut project = bare.clone();
    let mut history = History::new_unsaved();
    let file = w3c::parse(&w3c_bytes, &project).expect("W3C parses").file;
    let (edit, _) = import::plan(&project, &file);
    history.apply(&mut project, edit).expect("applies");
    let start = Instant::now();
    history.undo(&mut project).expect("undo");
    let undo = start.elapsed();
    assert_eq!(project.span_count(), 0);
    row(
        "undo of the w3c import",
        Times {
            apply: undo,
            ..Times::default()
        },
        SPANS,
        None,
    );

    // The model's side: 20,000 AddSpan in one batch, in file order and shuffled.
    let spans: Vec<Span> = source.documents()[0].spans().to_vec();
    for (what, shuffle) in [
        ("batch of AddSpan, sorted (model)", false),
        ("batch of AddSpan, random order (model)", true),
    ] {
        let mut spans = spans.clone();
        if shuffle {
            let mut seed = 0x1234_5678_9abc_def0;
            for i in (1..spans.len()).rev() {
                spans.swap(i, (xorshift(&mut seed) % (i as u64 + 1)) as usize);
            }
        }
        let mut times = Vec::new();
        for _ in 0..rounds {
            let mut project = bare.clone();
            let edit = Edit::Batch(
                spans
                    .iter()
                    .map(|s| Edit::AddSpan {
                        doc: doc_id,
                        span: s.clone(),
                    })
                    .collect(),
            );
            let start = Instant::now();
            History::new_unsaved()
                .apply(&mut project, edit)
                .expect("applies");
            times.push(start.elapsed());
        }
        times.sort();
        row(
            what,
            Times {
                apply: times[times.len() / 2],
                ..Times::default()
            },
            spans.len(),
            None,
        );
    }

    // Many small documents: 20,000 one-span documents in doccano's JSONL.
    let many = generated_project(SPANS, 200, 1);
    let many_bare = without_spans(&many);
    let many_bytes = formats::export(&many, ExportFormat::Doccano).expect("export");
    let (t, report, _) = measure(rounds, &many_bare, |_| {
        doccano::parse(&many_bytes).expect("doccano parses").file
    });
    row(
        "doccano, 20,000 one-span documents",
        t,
        report.spans_added,
        None,
    );
    let (t, report, _) = measure(rounds, &Project::new("empty"), |_| {
        doccano::parse(&many_bytes).expect("doccano parses").file
    });
    row(
        "doccano, the same into an empty project",
        t,
        report.spans_added,
        None,
    );
}
