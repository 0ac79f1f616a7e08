//! Three-way merge speed: two 30 MB / 100k-span projects from one base, each with 1,000
//! changes of its own (spans added, removed and relabelled). Target (issue 16): <= 2 s.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::edit::Edit;
use spanmark::fixture::generated_project;
use spanmark::model::{CharRange, Project, Span};
use std::time::Instant;

/// `changes` edits on a copy of `base`, spread over its documents: every third adds a
/// span, every third removes one, every third relabels one; `seed` picks which.
fn branch(base: &Project, changes: usize, seed: usize) -> Project {
    let mut p = base.clone();
    let labels = ["quote", "claim", "figure"];
    let mut ids = p.fresh_ids();
    let mut edits = Vec::new();
    let docs = p.documents().len();
    for i in 0..changes {
        let d = &p.documents()[(i * 7 + seed) % docs];
        let spans = d.spans();
        let at = (i * 131 + seed * 17) % spans.len();
        let edit = match i % 3 {
            0 => {
                let start = (i * 977 + seed * 31) % (d.len_chars() - 20);
                let span = Span::new(ids.span(), labels[i % 3], CharRange::new(start, start + 7));
                Edit::AddSpan { doc: d.id, span }
            }
            1 => Edit::RemoveSpan {
                doc: d.id,
                span: spans[at].id,
            },
            _ => Edit::Relabel {
                doc: d.id,
                span: spans[at].id,
                label: labels[(i + seed) % 3].to_owned(),
            },
        };
        edits.push(edit);
    }
    // Edits that collide with an earlier one of the same branch are left out.
    for edit in edits {
        let _ = edit.apply(&mut p);
    }
    p
}

fn main() {
    let base = generated_project(30, 1_000_000, 3_334);
    let (ours, theirs) = (branch(&base, 1_000, 1), branch(&base, 1_000, 2));
    let mut times = Vec::new();
    let mut conflicts = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let merged = spanmark::merge3::merge(&base, &ours, &theirs).unwrap();
        times.push(start.elapsed());
        conflicts = merged.conflicts.len();
    }
    times.sort();
    let median = times[1].as_secs_f64();
    println!(
        "three-way merge of {:.0} MB / {} spans, 1,000 changes a side: {:.0} ms (median of 3; {conflicts} conflicts; target <= 2 s: {})",
        base.documents()
            .iter()
            .map(|d| d.text().len())
            .sum::<usize>() as f64
            / 1e6,
        base.span_count(),
        median * 1000.0,
        if median <= 2.0 { "met" } else { "MISSED" }
    );
}
