//! Suggestion speed: all three detectors over a generated 1 MB article (paragraphs,
//! curly and straight quotes, numbers, emoji, Cyrillic). Target (issue 5): <= 100 ms.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::fixture::generated_project;
use std::time::Instant;

fn main() {
    let project = generated_project(1, 1_000_000, 0);
    let text = project.documents()[0].text();
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..5 {
        let start = Instant::now();
        count = spanmark::suggest::suggest(text, &[]).len();
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2].as_secs_f64() * 1000.0;
    println!(
        "suggestions on a {:.1} MB article: {count} in {median:.1} ms (median of 5; target <= 100 ms: {})",
        text.len() as f64 / 1e6,
        if median <= 100.0 { "met" } else { "MISSED" }
    );
}
