//! Fits the ranker's weights (`ranker.rs`) on the development gold sets and says how
//! well it finds speakers in each set when fitted without that set (leave one set
//! out): the ranker is only worth offering where that held-out accuracy is good.
//!
//! The model: a softmax over a quote's candidates of a linear score, fitted by plain
//! gradient descent on the mean negative log-likelihood of the right candidate with a
//! small L2 penalty. Deterministic: the same sets give the same weights. Quotes whose
//! speaker is no candidate (or several people) are left out of the fit and counted as
//! misses in the report.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use super::quotes::examples;
use super::ranker::{Candidate, FEATURE_NAMES, FEATURES, LEAST, WEIGHTS, best, offer};
use super::text::Chars;
use crate::fixture;

/// The development material: every gold set scored once and spent, never the one held
/// out for the round.
const SETS: &[&str] = &[
    "tests/gold",
    "tests/gold2/dev",
    "tests/gold2/test",
    "tests/gold3",
    "tests/gold4/dev",
    "tests/gold4/test",
    "tests/gold5/test",
    "tests/gold6/test",
    "tests/gold7/test",
    "tests/gold8/test",
    "tests/gold9/test",
    "tests/gold10/test",
];

struct Case {
    set: usize,
    candidates: Vec<Candidate>,
    /// The right candidate; none when nobody is said to say it or the speaker is no
    /// candidate ("nobody here said it" is then the right answer).
    right: Option<usize>,
    /// The gold gives a speaker.
    said: bool,
    /// The rules found no speaker (the ranker's use).
    fallback: bool,
}

fn same_person(gold: &str, found: &str) -> bool {
    let normal = |s: &str| {
        let s = s.trim().to_lowercase();
        s.strip_prefix("the ").unwrap_or(&s).to_owned()
    };
    let (gold, found) = (normal(gold), normal(found));
    let surname = gold.split_whitespace().last().unwrap_or("").to_owned();
    found == gold || found == surname
}

fn cases() -> Vec<Case> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for (set, dir) in SETS.iter().enumerate() {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for path in files {
            let (text, gold) = fixture::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for (range, candidates, _, rule, _) in examples(&Chars::new(&text)) {
                let Some(quote) = gold.iter().find(|g| g.label == "quote" && g.range == range)
                else {
                    continue;
                };
                let speaker = quote.attributes.get("speaker");
                if speaker.is_some_and(|s| s.contains(';')) {
                    continue;
                }
                let right = speaker.and_then(|speaker| {
                    candidates
                        .iter()
                        .position(|c| same_person(speaker, &c.name))
                });
                let fallback =
                    rule == "quotation marks, no speaker found" || rule.contains("learned ranking");
                out.push(Case {
                    set,
                    candidates,
                    right,
                    said: speaker.is_some(),
                    fallback,
                });
            }
        }
    }
    out
}

/// The weights that fit `cases` best.
fn fit<'a>(cases: impl Iterator<Item = &'a Case> + Clone) -> [f64; FEATURES] {
    const RATE: f64 = 1.0;
    const L2: f64 = 0.01;
    let mut w = [0.0f64; FEATURES];
    let n = cases.clone().count().max(1) as f64;
    for _ in 0..1_500 {
        let mut grad = [0.0f64; FEATURES];
        for case in cases.clone() {
            let scores: Vec<f64> = case
                .candidates
                .iter()
                .map(|c| c.x.iter().zip(&w).map(|(x, w)| f64::from(*x) * w).sum())
                .collect();
            let top = scores.iter().copied().fold(0.0, f64::max);
            let exp: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
            let sum: f64 = exp.iter().sum::<f64>() + (-top).exp();
            for (i, c) in case.candidates.iter().enumerate() {
                let p = exp[i] / sum - if Some(i) == case.right { 1.0 } else { 0.0 };
                for (g, x) in grad.iter_mut().zip(&c.x) {
                    *g += p * f64::from(*x);
                }
            }
        }
        for (w, g) in w.iter_mut().zip(&grad) {
            *w -= RATE * (g / n + L2 * *w);
        }
    }
    w
}

fn as_f32(w: &[f64; FEATURES]) -> [f32; FEATURES] {
    w.map(|w| w as f32)
}

#[test]
fn the_weights_are_what_the_fit_gives() {
    let cases = cases();
    let w = fit(cases.iter());
    let listed: Vec<String> = w
        .iter()
        .zip(FEATURE_NAMES)
        .map(|(w, n)| format!("    {w:.3}, // {n}"))
        .collect();
    println!("fitted on {} quotes:\n{}", cases.len(), listed.join("\n"));
    for (fitted, kept) in w.iter().zip(WEIGHTS) {
        assert!(
            (*fitted as f32 - kept).abs() < 0.002,
            "WEIGHTS in ranker.rs are not what the fit gives:\n{}",
            listed.join("\n")
        );
    }
}

#[test]
fn fitted_without_a_set_the_ranker_finds_its_speakers() {
    let cases = cases();
    // (right, n) over all quotes; (right, offered, fallback quotes, gold none there).
    let (mut all, mut fallback) = ((0, 0), (0, 0, 0, 0));
    println!(
        "fitted without the set: the model alone on every quote (a speaker at >= {LEAST}, else \
         none) right/n | where the rules find none, what the window offers: right/offered of \
         n (of them, gold none)"
    );
    for (s, name) in SETS.iter().enumerate() {
        let w = as_f32(&fit(cases.iter().filter(|c| c.set != s)));
        let (mut set_all, mut set_fallback) = ((0, 0), (0, 0, 0, 0));
        for case in cases.iter().filter(|c| c.set == s) {
            let judge = |answer: Option<(usize, f32)>| match answer {
                Some((i, _)) => Some(i) == case.right,
                None => !case.said,
            };
            let alone = best(&w, &case.candidates).filter(|(_, p)| *p >= LEAST);
            set_all = (set_all.0 + usize::from(judge(alone)), set_all.1 + 1);
            if case.fallback {
                set_fallback.2 += 1;
                set_fallback.3 += usize::from(!case.said);
                let offered = offer(&w, &case.candidates);
                if std::env::var("RANKER_DEBUG").is_ok() {
                    eprintln!(
                        "{name} right={:?} best={:?} offered={offered:?}",
                        case.right,
                        best(&w, &case.candidates)
                    );
                    for c in &case.candidates {
                        eprintln!("    {:28} {:?}", c.name, c.x);
                    }
                }
                if offered.is_some() {
                    set_fallback.0 += usize::from(judge(offered));
                    set_fallback.1 += 1;
                }
            }
        }
        let (r, o, n, none) = set_fallback;
        println!(
            "{name}: {}/{} | {r}/{o} of {n} ({none})",
            set_all.0, set_all.1
        );
        all = (all.0 + set_all.0, all.1 + set_all.1);
        fallback = (
            fallback.0 + r,
            fallback.1 + o,
            fallback.2 + n,
            fallback.3 + none,
        );
    }
    let (r, o, n, none) = fallback;
    println!("pooled: {}/{} | {r}/{o} of {n} ({none})", all.0, all.1);
    assert!(all.1 > 500, "too few quotes");
    assert!(
        all.0 as f64 / all.1 as f64 >= 0.7,
        "the ranker alone is right too rarely"
    );
    assert!(
        r as f64 / o.max(1) as f64 >= 0.5,
        "where the rules find no speaker, the ranker's offers are right too rarely"
    );
}
