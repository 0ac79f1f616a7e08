//! Project file and export speed on a generated corpus of 1,000 documents, 20 MB of text
//! and 100,000 spans: save, load + validate, JSON export, file sizes. Prints a table;
//! targets (issue 2, on a 2-core machine): save <= 0.5 s, load <= 0.5 s, export <= 0.2 s.
//!
//! `cargo bench --bench store` (add `-- --quick` for one round).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::fixture::generated_project;
use spanmark::formats::{self, ExportFormat};
use spanmark::store;
use std::time::{Duration, Instant};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn measure<T>(rounds: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(rounds);
    let mut last = None;
    for _ in 0..rounds {
        let start = Instant::now();
        let out = f();
        times.push(start.elapsed());
        last = Some(out);
    }
    (median(times), last.expect("at least one round"))
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 1 } else { 5 };
    let start = Instant::now();
    let project = generated_project(1000, 20_000, 100);
    let text_bytes: usize = project.documents().iter().map(|d| d.text().len()).sum();
    println!(
        "corpus: {} documents, {:.1} MB of text, {} spans (generated in {:.2} s)",
        project.documents().len(),
        text_bytes as f64 / 1e6,
        project.span_count(),
        start.elapsed().as_secs_f64()
    );

    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench.ron");
    let (save, ()) = measure(rounds, || store::save(&project, &path).expect("save"));
    let file_size = std::fs::metadata(&path).expect("saved file").len();
    let (load, loaded) = measure(rounds, || store::load(&path).expect("load"));
    assert_eq!(loaded.span_count(), project.span_count());
    let (export, json) = measure(rounds, || {
        formats::export(&project, ExportFormat::Json).expect("export")
    });
    let (import, imported) = measure(rounds, || {
        let export = spanmark::formats::import::parse(&json).expect("parse export");
        let mut empty = spanmark::model::Project::new("empty");
        let (edit, _) = spanmark::formats::import::plan(&empty, &export);
        edit.apply(&mut empty).expect("import applies");
        empty
    });
    assert_eq!(imported.span_count(), project.span_count());
    let (csv, _) = measure(rounds, || {
        formats::export(&project, ExportFormat::Csv).expect("export")
    });

    let row = |what: &str, took: Duration, target: Option<f64>| {
        let secs = took.as_secs_f64();
        let verdict = match target {
            Some(t) if secs <= t => format!("target {t:.1} s: met"),
            Some(t) => format!("target {t:.1} s: MISSED"),
            None => String::new(),
        };
        println!("{what:<28} {secs:>8.3} s   {verdict}");
    };
    println!("median of {rounds} rounds:");
    row("save (RON, atomic)", save, Some(0.5));
    row("load + validate", load, Some(0.5));
    row("export JSON (with check)", export, Some(0.2));
    row("export CSV (with check)", csv, None);
    row("import JSON (empty project)", import, None);
    println!(
        "{:<28} {:>8.1} MB",
        "project file size",
        file_size as f64 / 1e6
    );
    println!(
        "{:<28} {:>8.1} MB",
        "JSON export size",
        json.len() as f64 / 1e6
    );
}
