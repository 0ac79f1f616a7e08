//! The fact-check desk on a large project (issue 19): 100 documents of 100 KB with
//! 1,000 spans each (100,000 spans, a third of them claims, half of those given a
//! status and a verdict, the figures inside them with values), timed for what the window
//! and the command line do with it — list the claims with their figures (the Claims
//! tab's rows are built from this list after each change while the tab shows), write the
//! claims CSV, ClaimReview and the HTML report. Targets (release, 2-core machine), set
//! here for this round: the list ≤ 100 ms, each file ≤ 1 s.
//!
//! `cargo bench --bench desk`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benchmarks: a failed unwrap is a failed run.

use spanmark::edit::Edit;
use spanmark::fixture;
use spanmark::formats::desk::DeskExport;
use spanmark::model::{Project, claims};
use std::time::{Duration, Instant};

const ROUNDS: usize = 5;

fn project() -> Project {
    let mut project = fixture::generated_project(100, 100_000, 1_000);
    project.desk.publisher = "Bench Fact Desk".to_owned();
    project.desk.publisher_url = "https://check.example/".to_owned();
    let mut edits = Vec::new();
    let verdicts = ["true", "mostly false", "false", "misleading"];
    for doc in project.documents() {
        for (i, span) in doc.spans().iter().enumerate() {
            let mut set = |key: &str, value: String| {
                edits.push(Edit::SetAttribute {
                    doc: doc.id,
                    span: span.id,
                    key: key.to_owned(),
                    value: Some(value),
                });
            };
            match span.label.as_str() {
                "claim" if i % 2 == 0 => {
                    set("status", "checked".to_owned());
                    set("verdict", verdicts[i % verdicts.len()].to_owned());
                    set("claimant", format!("Speaker {}", i % 37));
                    set("review url", format!("https://check.example/{}", span.id));
                    set("reviewed", "2026-03-01".to_owned());
                    set("sources", "https://stats.example/t1 the table".to_owned());
                }
                "figure" => {
                    if let Some(v) = doc.slice(span.range).and_then(spanmark::model::value::read) {
                        set("value", spanmark::model::value::format(&v));
                    }
                }
                _ => {}
            }
        }
    }
    Edit::Batch(edits).apply(&mut project).unwrap();
    project
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time(mut run: impl FnMut() -> usize) -> (Duration, usize) {
    let mut out = 0;
    let times = (0..ROUNDS)
        .map(|_| {
            let started = Instant::now();
            out = run();
            started.elapsed()
        })
        .collect();
    (median(times), out)
}

fn main() {
    let project = project();
    let spans = project.span_count();
    let list = claims::claims(&project);
    let figures: usize = list.iter().map(|c| c.figures.len()).sum();
    println!(
        "{} documents, {spans} spans, {} claims ({figures} figures in them); median of {ROUNDS}",
        project.documents().len(),
        list.len()
    );
    drop(list);
    let (t, n) = time(|| claims::claims(&project).len());
    println!(
        "{:<22} {:>8.1} ms  ({n} claims; target 100 ms)",
        "list the claims",
        t.as_secs_f64() * 1000.0
    );
    for export in DeskExport::ALL {
        let (t, bytes) = time(|| export.render(&project).unwrap().bytes.len());
        println!(
            "{:<22} {:>8.1} ms  ({:.1} MB; target 1000 ms)",
            export.title(),
            t.as_secs_f64() * 1000.0,
            bytes as f64 / 1e6
        );
    }
}
