//! Adding a corpus (issue 19): 1,000 news articles with their sources, as a CSV and as a
//! JSONL file, added to an empty project the way `spanmark add --text-column body` does
//! it — read the corpus, add every row as a document in one undo step, save the project.
//! Target (release, 2-core machine): <= 1 s each.
//!
//! `cargo bench --bench corpus`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benchmarks: a failed unwrap is a failed run.

use spanmark::corpus;
use spanmark::model::Project;
use spanmark::session::Session;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

const ARTICLES: usize = 1_000;
const ROUNDS: usize = 5;

/// A 2–4 KB article, different for each `i`.
fn body(i: usize) -> String {
    let mut text = String::new();
    for p in 0..(6 + i % 5) {
        let _ = write!(
            text,
            "KYIV — Officials said on day {i} that {n} drones were launched overnight, \
             “we will rebuild,” the mayor said, and prices rose {p}.{i}% in paragraph {p}. ",
            n = 100 + i * 7 + p
        );
        text.push_str("Кремль заявив, що переговори тривають. 🇺🇦\n\n");
    }
    text
}

fn csv_corpus() -> String {
    let mut out = String::from("title,body,url,source,author,date,lang,section\n");
    for i in 0..ARTICLES {
        let body = body(i).replace('"', "\"\"");
        let _ = writeln!(
            out,
            "Article {i},\"{body}\",https://example.org/news/{i},Harbour Post,Ann Lee; Bo Chen,2026-02-{:02},en,World",
            1 + i % 28
        );
    }
    out
}

fn jsonl_corpus() -> String {
    let mut out = String::new();
    for i in 0..ARTICLES {
        let line = serde_json::json!({
            "title": format!("Article {i}"),
            "body": body(i),
            "url": format!("https://example.org/news/{i}"),
            "source": "Harbour Post",
            "authors": ["Ann Lee", "Bo Chen"],
            "published_at": format!("2026-02-{:02}T08:00:00Z", 1 + i % 28),
            "lang": "en",
            "id": i,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// Read, add and save, as `spanmark add` does: the time and the bytes read.
fn add(dir: &std::path::Path, file: &str) -> Duration {
    let project_path = dir.join("p.ron");
    spanmark::store::save(&Project::new("bench"), &project_path).unwrap();
    let started = Instant::now();
    let project = spanmark::store::load(&project_path).unwrap();
    let mut session = Session::new(project, Some(project_path.clone()), true);
    let read = corpus::read(&dir.join(file), "body").unwrap();
    assert_eq!(read.articles.len(), ARTICLES);
    let path = dir.join(file);
    let added = session
        .add_articles(
            read.articles
                .into_iter()
                .map(|a| (path.clone(), a))
                .collect(),
        )
        .unwrap();
    assert_eq!(added.added, ARTICLES);
    spanmark::store::save(session.project(), &project_path).unwrap();
    started.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let csv = csv_corpus();
    let jsonl = jsonl_corpus();
    std::fs::write(dir.path().join("news.csv"), &csv).unwrap();
    std::fs::write(dir.path().join("news.jsonl"), &jsonl).unwrap();
    println!("corpus of {ARTICLES} articles with sources; read + add + save, median of {ROUNDS}");
    for (file, bytes) in [("news.csv", csv.len()), ("news.jsonl", jsonl.len())] {
        let t = median((0..ROUNDS).map(|_| add(dir.path(), file)).collect());
        println!(
            "{file:<12} {:>6.2} MB  {:>7.1} ms  (target 1000 ms)",
            bytes as f64 / 1e6,
            t.as_secs_f64() * 1000.0
        );
    }
}
