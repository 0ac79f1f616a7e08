//! Agreement speed: `spanmark agree`'s figures (exact and overlap F1 per pair, α_u per
//! label, per document and overall, attribute agreement) for 1,000 shared documents ×
//! 3 coders × 100 spans each. Target (issue 15): <= 1 s.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::agree::study::{Coder, agree};
use spanmark::edit::Edit;
use spanmark::fixture::generated_project;
use spanmark::model::{CharRange, Document, Project, Span};
use std::time::Instant;

/// Coder `k`'s version of `base`: every (k + 3)-th span left out and every (k + 2)-th
/// one a code point shorter, so the coders agree on most spans and not all.
fn coder(base: &Project, k: usize) -> Project {
    let mut out = Project::new(&format!("coder {k}"));
    out.labels = base.labels.clone();
    let mut ids = out.fresh_ids();
    let mut edits = Vec::new();
    for doc in base.documents() {
        let new = Document::new(doc.id, &doc.name, doc.text().to_owned(), "UTF-8");
        edits.push(Edit::AddDocument {
            index: usize::MAX,
            document: Box::new(new),
        });
        let mut spans = Vec::new();
        for (i, s) in doc.spans().iter().enumerate() {
            if i % (k + 3) == 0 {
                continue;
            }
            let mut range = s.range;
            if i % (k + 2) == 0 && range.len_chars() > 1 {
                range = CharRange::new(range.start.0, range.end.0 - 1);
            }
            if spans
                .iter()
                .any(|x: &Span| x.label == s.label && x.range == range)
            {
                continue;
            }
            let mut span = Span::new(ids.span(), &s.label, range);
            span.attributes = s.attributes.clone();
            spans.push(span);
        }
        edits.extend(
            spans
                .into_iter()
                .map(|span| Edit::AddSpan { doc: doc.id, span }),
        );
    }
    Edit::Batch(edits).apply(&mut out).unwrap();
    out
}

fn main() {
    let base = generated_project(1_000, 2_000, 100);
    let projects: Vec<Project> = (0..3).map(|k| coder(&base, k)).collect();
    let spans: usize = projects.iter().map(Project::span_count).sum();
    let coders: Vec<Coder<'_>> = projects
        .iter()
        .enumerate()
        .map(|(k, project)| Coder {
            name: format!("coder{k}"),
            project,
        })
        .collect();
    let mut times = Vec::new();
    let mut alpha = None;
    for _ in 0..3 {
        let start = Instant::now();
        let result = agree(&coders, &[]);
        times.push(start.elapsed());
        alpha = result.overall.all.alpha;
    }
    times.sort();
    let median = times[1].as_secs_f64();
    println!(
        "agreement of 3 coders on 1,000 documents ({spans} spans): {:.0} ms (median of 3; α_u {:.3}; target <= 1 s: {})",
        median * 1000.0,
        alpha.unwrap_or(f64::NAN),
        if median <= 1.0 { "met" } else { "MISSED" }
    );
}
